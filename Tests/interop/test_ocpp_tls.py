"""OCPP security profile 2 (TLS + Basic auth) against a real `busbar serve` with a plain and a TLS
listener: a profile-2 station connects only over TLS, a profile-1 station only over the plain
listener (no downgrade either way, docs/ocpp.md §1), with the `ocpp` client on top of `websockets`."""
import asyncio
import base64
import hashlib
import hmac
import os
import re
import secrets
import ssl
import subprocess

import pytest
import websockets
from ocpp.v201 import ChargePoint, call

from conftest import REPO

PASSWORDS = {"TLS-STATION": "tls-station-password-0123456789", "PLAIN-STATION": "plain-station-password-0123456789"}


def password_hash(password: str) -> str:
    """The `password_hash` format Busbar reads: HMAC-SHA256 keyed with a 16-byte salt."""
    salt = secrets.token_bytes(16)
    return f"hmac-sha256${salt.hex()}${hmac.new(salt, password.encode(), hashlib.sha256).hexdigest()}"


@pytest.fixture(scope="module")
def tls_server(busbar_bin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    certificate, key = folder / "server.pem", folder / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )
    depot = folder / "tls.yaml"
    depot.write_text(f"""
depot: {{ id: tls, name: TLS depot, timezone: Europe/Berlin }}
grid: {{ connection_kw: 500 }}
chargers:
  - {{ id: TLS-STATION, ocpp: "2.0.1", security_profile: 2, password_hash: "{password_hash(PASSWORDS['TLS-STATION'])}",
      connectors: [{{ id: 1, max_kw: 150 }}] }}
  - {{ id: PLAIN-STATION, ocpp: "2.0.1", security_profile: 1, password_hash: "{password_hash(PASSWORDS['PLAIN-STATION'])}",
      connectors: [{{ id: 1, max_kw: 150 }}] }}
tenants:
  - {{ id: fleet, class: fleet, priority: 100 }}
""")
    settings = folder / "busbar.yaml"
    settings.write_text(f"""
listen:
  - {{ address: 127.0.0.1, port: 0 }}
  - {{ address: 127.0.0.1, port: 0, tls: {{ cert_file: {certificate}, key_file: {key} }} }}
database: {folder / 'busbar.sqlite'}
depots: {depot}
""")
    process = subprocess.Popen([str(busbar_bin), "serve", "--config", str(settings)], cwd=REPO, stdout=subprocess.PIPE,
                               stderr=open(folder / "server.log", "w"), text=True)
    ports = {}
    for _ in range(2):
        line = process.stdout.readline().strip()
        match = re.search(r":(\d+)( \(TLS\))?$", line)
        if not match:
            process.kill()
            pytest.fail(f"busbar serve did not start: {line!r}\n{(folder / 'server.log').read_text()}")
        ports["tls" if match.group(2) else "plain"] = int(match.group(1))
    context = ssl.create_default_context(cafile=str(certificate))
    yield {"ports": ports, "ssl": context}
    process.terminate()
    process.wait(timeout=10)


async def boot(url: str, station: str, ssl_context=None) -> str:
    headers = {"Authorization": "Basic " + base64.b64encode(f"{station}:{PASSWORDS[station]}".encode()).decode()}
    async with websockets.connect(url, subprotocols=["ocpp2.0.1"], additional_headers=headers, ssl=ssl_context) as socket:
        client = ChargePoint(station, socket)
        listener = asyncio.create_task(client.start())
        try:
            result = await client.call(call.BootNotification(charging_station={"model": "DC150", "vendor_name": "ACME"}, reason="PowerUp"))
            return result.status
        finally:
            listener.cancel()


def test_profile_2_station_boots_over_tls(tls_server):
    url = f"wss://127.0.0.1:{tls_server['ports']['tls']}/ocpp/TLS-STATION"
    assert asyncio.run(boot(url, "TLS-STATION", tls_server["ssl"])) == "Accepted"


def test_profile_2_station_is_refused_on_the_plain_listener(tls_server):
    url = f"ws://127.0.0.1:{tls_server['ports']['plain']}/ocpp/TLS-STATION"
    with pytest.raises(websockets.exceptions.InvalidStatus):
        asyncio.run(boot(url, "TLS-STATION"))


def test_profile_1_station_is_refused_on_the_tls_listener(tls_server):
    url = f"wss://127.0.0.1:{tls_server['ports']['tls']}/ocpp/PLAIN-STATION"
    with pytest.raises(websockets.exceptions.InvalidStatus):
        asyncio.run(boot(url, "PLAIN-STATION", tls_server["ssl"]))


def test_profile_1_station_boots_on_the_plain_listener(tls_server):
    url = f"ws://127.0.0.1:{tls_server['ports']['plain']}/ocpp/PLAIN-STATION"
    assert asyncio.run(boot(url, "PLAIN-STATION")) == "Accepted"


def legacy_client_context(maximum: ssl.TLSVersion) -> ssl.SSLContext:
    """A client that offers old protocol versions (security level 0, so OpenSSL itself allows them)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.set_ciphers("ALL:@SECLEVEL=0")
    context.minimum_version = ssl.TLSVersion.TLSv1
    context.maximum_version = maximum
    return context


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion:DeprecationWarning")
def test_tls_listener_refuses_tls_1_1_but_takes_the_same_client_at_1_2(tls_server):
    url = f"wss://127.0.0.1:{tls_server['ports']['tls']}/ocpp/TLS-STATION"
    with pytest.raises((ssl.SSLError, OSError)):
        asyncio.run(boot(url, "TLS-STATION", legacy_client_context(ssl.TLSVersion.TLSv1_1)))
    assert asyncio.run(boot(url, "TLS-STATION", legacy_client_context(ssl.TLSVersion.TLSv1_2))) == "Accepted"
