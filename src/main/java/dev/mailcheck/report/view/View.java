package dev.mailcheck.report.view;

/**
 * A check's facts for display: plain records owned by the report layer, one type per kind of facts.
 * Checks build them from their facts (the "view" step of the check contract); the text and JSON
 * renderers switch over this sealed set, so a new view type is one more {@code permits} entry and
 * one more case in each renderer, and the compiler finds every place that must learn it.
 *
 * <p>Views hold strings, numbers, booleans, lists, {@link java.util.Optional}s and other view
 * records: never check internals, dnsjava or socket types. Their components are the JSON contract
 * ({@code mailcheck.report/v1}, docs/report.schema.json): fields may be added, never renamed.
 */
public sealed interface View
    permits MxView,
        PtrView,
        SmtpView,
        DomainSmtpView,
        PortsView,
        SpfView,
        DkimAuditView,
        DkimVerifyView,
        DmarcView,
        DnssecView,
        DaneView,
        BlocklistView,
        DmarcReportView,
        MtaStsView,
        TlsRptView,
        CaaView,
        BimiView,
        PostfixLogView,
        PostfixConfigView,
        MessageView,
        MailboxView,
        // issue 14
        SendView {}
