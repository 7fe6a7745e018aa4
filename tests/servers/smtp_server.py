#!/usr/bin/python3
"""A recording SMTP server for the notifier tests, built on aiosmtpd.

Listens on 127.0.0.1 on an ephemeral port and writes the port to DIR/port
once it accepts connections. Every SMTP event is appended as one JSON object
per line to DIR/events.jsonl, written before the reply is sent.

Recipients choose the server's behaviour by their local part:
  tempfail-once@...  the first RCPT is refused with 451, later ones accepted
  reject@...         RCPT refused with 550
  reject-bytes@...   RCPT refused with 550 and a reply holding bytes that are not UTF-8, ESC and a C1 control
  reject-data@...    RCPT accepted, the message refused at the end of DATA (554)
  tempfail-data@...  RCPT accepted, the message refused at the end of DATA (451)
anything else is accepted.

With --user and --password, AUTH (PLAIN or LOGIN, without TLS: loopback only)
is required before MAIL.
"""

import argparse
import asyncio
import base64
import email
import email.policy
import json
import os
import signal

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Recorder:
    def __init__(self, directory):
        self.path = os.path.join(directory, "events.jsonl")

    def write(self, event):
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(event) + "\n")
            f.flush()


def structure(part):
    """["multipart/mixed", ["multipart/alternative", "text/plain", "text/html"]]"""
    if part.is_multipart():
        return [part.get_content_type()] + [structure(p) for p in part.iter_parts()]
    return part.get_content_type()


def parse(content):
    """The message as a mail client reads it: decoded headers, structure, bodies."""
    message = email.message_from_bytes(content, policy=email.policy.default)
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    return {
        "headers": {k.lower(): str(v) for k, v in message.items()},
        "header_names": [k for k, _ in message.items()],
        "structure": structure(message),
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
        "defects": [str(d) for d in message.defects],
    }


class Handler:
    def __init__(self, recorder):
        self.recorder = recorder
        self.refused_once = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        reply = "250 OK"
        if local == "tempfail-once" and address not in self.refused_once:
            self.refused_once.add(address)
            reply = "451 4.3.0 Try again later"
        elif local == "reject":
            reply = "550 5.1.1 No such user"
        elif local == "reject-bytes":
            reply = b"550 5.1.1 \xff\x1b[31mNo such user\xc2\x9b"
        self.recorder.write({"event": "rcpt", "address": address,
                             "reply": reply.decode("latin-1") if isinstance(reply, bytes) else reply})
        if reply == "250 OK":
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_DATA(self, server, session, envelope):
        locals_ = {a.split("@", 1)[0].lower() for a in envelope.rcpt_tos}
        reply = "250 2.0.0 Message accepted"
        if "reject-data" in locals_:
            reply = "554 5.6.0 Message content rejected"
        elif "tempfail-data" in locals_:
            reply = "451 4.7.1 Greylisted, try again"
        login = None
        if session.auth_data is not None and isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode("utf-8", "replace")
        self.recorder.write({
            "event": "data",
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "auth_login": login,
            "content_b64": base64.b64encode(envelope.original_content).decode("ascii"),
            "parsed": parse(envelope.original_content),
            "reply": reply,
        })
        return reply


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        # handled=False: aiosmtpd itself answers a failure with 535.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
    return authenticate


async def serve(args):
    recorder = Recorder(args.dir)
    handler = Handler(recorder)
    options = {"hostname": "touchbase-test.invalid"}
    if args.user:
        options.update(authenticator=make_authenticator(args.user, args.password),
                       auth_required=True, auth_require_tls=False)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    tmp = os.path.join(args.dir, "port.tmp")
    with open(tmp, "w", encoding="ascii") as f:
        f.write(str(port))
    os.rename(tmp, os.path.join(args.dir, "port"))
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    await stop
    server.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
