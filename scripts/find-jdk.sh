# shellcheck shell=bash
# Finds a JDK 21 or newer for ./mailcheck and ./run-tests. Source it, then call find_jdk.
#
# Order: $JAVA_HOME, `java` on PATH, then the usual install folders (newest version wins there):
# /usr/lib/jvm/*, /opt/java/*, /usr/local/*jdk*, ~/.sdkman/candidates/java/*,
# /Library/Java/JavaVirtualMachines/*/Contents/Home (or the ':'-separated MAILCHECK_JDK_DIRS).
#
# On success sets JDK_HOME (the JDK folder) and JDK_MAJOR (e.g. 25) and returns 0; otherwise returns 1.
# Reads the JDK's `release` file (no process started); falls back to `java -version` when it is missing.

MAILCHECK_MIN_JAVA=21

# Sets _jdk_major to the major version of the JDK at $1, or to nothing. No subshell: the launcher
# runs this for every candidate on every start, and each fork costs about a millisecond.
read_jdk_major() {
  local home=$1 line v=""
  _jdk_major=""
  [ -x "$home/bin/java" ] || return 0
  if [ -r "$home/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;;
      esac
    done < "$home/release"
  fi
  if [ -z "$v" ]; then
    # e.g.: openjdk version "21.0.2" 2024-01-16  /  java version "1.8.0_392"
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  [ -n "$v" ] || return 0
  case $v in
    1.*) v=${v#1.} ;;
  esac
  _jdk_major=${v%%[!0-9]*}
  return 0
}

# Prints the major version of the JDK at $1, or nothing.
jdk_major() {
  read_jdk_major "$1"
  if [ -n "$_jdk_major" ]; then printf '%s\n' "$_jdk_major"; fi
  return 0
}

# The JDK folder of a java executable (following symlinks such as /usr/bin/java -> /etc/alternatives/...).
jdk_home_of() {
  local exe
  exe=$(readlink -f "$1" 2>/dev/null || printf '%s' "$1")
  exe=${exe%/bin/java}
  printf '%s\n' "$exe"
}

find_jdk() {
  local home major best_home="" best_major=0
  JDK_HOME=""
  JDK_MAJOR=""
  if [ -n "${JAVA_HOME:-}" ]; then
    read_jdk_major "$JAVA_HOME"
    major=$_jdk_major
    if [ -n "$major" ] && [ "$major" -ge "$MAILCHECK_MIN_JAVA" ]; then
      JDK_HOME=$JAVA_HOME JDK_MAJOR=$major
      return 0
    fi
  fi
  if command -v java >/dev/null 2>&1; then
    home=$(jdk_home_of "$(command -v java)")
    read_jdk_major "$home"
    major=$_jdk_major
    if [ -n "$major" ] && [ "$major" -ge "$MAILCHECK_MIN_JAVA" ]; then
      JDK_HOME=$home JDK_MAJOR=$major
      return 0
    fi
  fi
  local candidates=(/usr/lib/jvm/* /opt/java/* /usr/local/*jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/*
    /Library/Java/JavaVirtualMachines/*/Contents/Home)
  if [ -n "${MAILCHECK_JDK_DIRS:-}" ]; then
    # Tests (and unusual installs) name the folders to search instead, separated by ':'.
    local IFS=:
    # shellcheck disable=SC2206 # split on ':' on purpose
    candidates=($MAILCHECK_JDK_DIRS)
    unset IFS
  fi
  for home in "${candidates[@]}"; do
    [ -d "$home" ] && [ ! -L "$home" ] || continue
    read_jdk_major "$home"
    major=$_jdk_major
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then
      best_home=$home best_major=$major
    fi
  done
  if [ "$best_major" -ge "$MAILCHECK_MIN_JAVA" ]; then
    JDK_HOME=$best_home JDK_MAJOR=$best_major
    return 0
  fi
  return 1
}

# The one-line message when no JDK was found.
no_jdk_message() {
  printf '%s\n' "mailcheck: needs a JDK ${MAILCHECK_MIN_JAVA} or newer and found none; install one (e.g. 'apt-get install openjdk-21-jdk', or from https://adoptium.net) or set JAVA_HOME to it" >&2
}
