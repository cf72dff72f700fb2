"""A real SMTP server on loopback for the Notifications tests (aiosmtpd, pinned in requirements.txt).

Offers STARTTLS with the given certificate and requires it, requires AUTH (PLAIN or LOGIN) with
one test user (with --plain: no TLS offered, AUTH over plaintext allowed but not required), and appends every accepted message as a JSON line to --out:
{"mail_from", "rcpt_tos", "data", "tls", "user"}. Prints the bound port on stdout, then serves
until terminated.
"""
import argparse
import asyncio
import json
import signal
import ssl

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Recorder:
    def __init__(self, out, user, password):
        self.out = out
        self.user = user.encode()
        self.password = password.encode()

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == self.user and auth_data.password == self.password
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    async def handle_DATA(self, server, session, envelope):
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": envelope.content.decode("utf-8", "replace"),
            "tls": session.ssl is not None,
            "user": session.auth_data.login.decode() if session.authenticated else None,
        }
        with open(self.out, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return "250 OK"


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", default="busbar")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    recorder = Recorder(args.out, args.user, args.password)

    def factory():
        return SMTP(
            recorder,
            hostname="localhost",
            tls_context=None if args.plain else context,
            require_starttls=not args.plain,
            auth_required=not args.plain,
            auth_require_tls=not args.plain,
            authenticator=recorder.authenticate,
        )

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, "127.0.0.1", args.port, reuse_address=True)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    # A child of the Swift test process may inherit a mask blocking SIGTERM; the test stops us with it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    asyncio.run(main())
