"""A DNS server that never answers (mailcheck interop suite): reads UDP queries and drops them, so
that a list behind it times out. Usage: silent_dns.py ADDRESS PORT"""
import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
while True:
    s.recv(4096)
