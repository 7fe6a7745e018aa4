#!/usr/bin/python3
"""A recording HTTP server for the notifier tests.

Listens on 127.0.0.1 on an ephemeral port (HTTP/1.1, keep-alive) and writes
the port to DIR/port once it accepts connections. Every request is appended
as one JSON object per line to DIR/requests.jsonl before the response is sent:
method, path (with query), headers (names in lower case), body, the client's
port (to see connection reuse) and, when --secret is given, whether its
Standard Webhooks signature verifies ("signature_valid").

The request's query chooses the response:
  status=NNN         the status (default 200)
  retry_after=VALUE  a Retry-After header
  body=TEXT          the response body (default "ok")
  body_hex=HEX       the response body as raw bytes (any bytes, UTF-8 or not)
  close=1            "Connection: close", and the connection is closed after it
  delay_ms=N         the response is sent N milliseconds after the request came
A path starting with /hang is recorded and never answered.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()


def verify_signature(secret, headers, body):
    if not secret:
        return None
    key = base64.b64decode(secret[len("whsec_"):])
    msg_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for signature in headers.get("webhook-signature", "").split(" "):
        version, _, value = signature.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        headers = {k.lower(): v for k, v in self.headers.items()}
        record = {
            "method": "POST",
            "path": self.path,
            "headers": headers,
            "body": body.decode("utf-8", "replace"),
            "client_port": self.client_address[1],
            "signature_valid": verify_signature(self.server.secret, headers, body),
        }
        with LOCK:
            with open(self.server.record_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
        if urlsplit(self.path).path.startswith("/hang"):
            time.sleep(60)
            return
        query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if "delay_ms" in query:
            time.sleep(int(query["delay_ms"][0]) / 1000)
        status = int(query.get("status", ["200"])[0])
        reply = query.get("body", ["ok"])[0].encode()
        if "body_hex" in query:
            reply = bytes.fromhex(query["body_hex"][0])
        if status == 204 or status == 304:
            reply = b""
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if not reply.startswith(b"{") else "application/json")
        self.send_header("Content-Length", str(len(reply)))
        if "retry_after" in query:
            self.send_header("Retry-After", query["retry_after"][0])
        if "close" in query:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(reply)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--secret")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.secret = args.secret
    server.record_path = os.path.join(args.dir, "requests.jsonl")
    tmp = os.path.join(args.dir, "port.tmp")
    with open(tmp, "w", encoding="ascii") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, os.path.join(args.dir, "port"))
    server.serve_forever()


if __name__ == "__main__":
    main()
