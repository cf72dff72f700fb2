import BusbarServer
import Crypto
import DepotConfig
import DepotModel
import Foundation
import OCPP
import Testing

@Suite("Station credentials and the OCPP upgrade checklist")
struct UpgradeCheckTests {
    /// The demo depot's documented demo password of a station.
    static func demoPassword(_ station: String) -> String {
        let digest = SHA256Hex.of("busbar-demo:" + station)
        return String(digest.prefix(40))
    }

    static let directory: StationDirectory = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let demo = try! DepotFileLoader.load(path: root.appendingPathComponent("config/depots/demo.yaml").path)
        let extra = Depot(
            id: "lab", name: "Lab", timeZone: .gmt, grid: GridConnection(connectionLimit: 100),
            chargers: [
                Charger(id: "OPEN-1", ocppVersion: .v16, securityProfile: 0, connectors: [Connector(number: 1, maxPower: 22)]),
                Charger(
                    id: "TLS-1", ocppVersion: .v201, securityProfile: 2, password: .environment("TLS1_PASSWORD"),
                    connectors: [Connector(number: 1, maxPower: 22)]),
                Charger(id: "CERT-1", ocppVersion: .v201, securityProfile: 3, connectors: [Connector(number: 1, maxPower: 22)]),
            ])
        return try! StationDirectory(depots: [demo, extra], secrets: SecretResolver(environment: ["TLS1_PASSWORD": "tls-secret-0123456789"]))
    }()

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test func digestRoundTripsAndComparesPasswords() throws {
        let digest = PasswordDigest(hashing: "secret-password")
        let parsed = try #require(PasswordDigest(stored: digest.description))
        #expect(parsed == digest)
        #expect(parsed.matches("secret-password"))
        #expect(!parsed.matches("secret-passwore"))
        #expect(PasswordDigest(stored: "hmac-sha256$00$11") == nil)
        let generated = PasswordDigest.generatePassword()
        #expect(generated.count == 40 && generated.allSatisfy(\.isHexDigit))
        #expect(generated != PasswordDigest.generatePassword())
    }

    @Test func demoDepotHashesMatchTheDocumentedDemoPasswords() throws {
        let entry = try #require(Self.directory.entry("DEMO-A01"))
        #expect(entry.passwordDigest?.matches(Self.demoPassword("DEMO-A01")) == true)
        #expect(entry.passwordDigest?.matches(Self.demoPassword("DEMO-A02")) == false)
    }

    @Test func missingSecretsStopTheDirectoryFromBuilding() {
        let depot = Depot(
            id: "x", name: "X", timeZone: .gmt, grid: GridConnection(connectionLimit: 100),
            chargers: [
                Charger(id: "C", ocppVersion: .v16, password: .environment("NOT_SET_ANYWHERE"), connectors: [Connector(number: 1, maxPower: 22)])
            ])
        #expect(throws: StationDirectoryFailure.self) { try StationDirectory(depots: [depot], secrets: SecretResolver(environment: [:])) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let authorization: String?
        let protocols: [String]
        let listener: ListenerKind
        let expected: Result<OCPPVersion, UpgradeRefusal>
        var testDescription: String { name }
    }

    static let a01 = demoPassword("DEMO-A01")
    static let cases: [Case] = [
        Case(
            name: "valid 1.6 station", path: "DEMO-A01", authorization: basic("DEMO-A01", a01), protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .success(.v16)),
        Case(
            name: "configured version preferred", path: "DEMO-A01", authorization: basic("DEMO-A01", a01), protocols: ["ocpp2.0.1", "ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .success(.v16)),
        Case(
            name: "percent-encoded identity", path: "DEMO%2DA01", authorization: basic("DEMO-A01", a01), protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .success(.v16)),
        Case(
            name: "identity too long", path: String(repeating: "X", count: 49), authorization: nil, protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.invalidIdentity)),
        Case(
            name: "identity with colon", path: "DEMO:A01", authorization: nil, protocols: ["ocpp1.6"], listener: .plain(allowUnauthenticated: false),
            expected: .failure(.invalidIdentity)),
        Case(
            name: "unknown identity", path: "NOBODY", authorization: basic("NOBODY", "x"), protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.unknownIdentity)),
        Case(
            name: "no authorization", path: "DEMO-A01", authorization: nil, protocols: ["ocpp1.6"], listener: .plain(allowUnauthenticated: false),
            expected: .failure(.missingCredentials)),
        Case(
            name: "bearer instead of basic", path: "DEMO-A01", authorization: "Bearer abc", protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.missingCredentials)),
        Case(
            name: "wrong password", path: "DEMO-A01", authorization: basic("DEMO-A01", "0000"), protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.wrongPassword)),
        Case(
            name: "username is not the identity", path: "DEMO-A01", authorization: basic("DEMO-A02", a01), protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.usernameMismatch)),
        Case(
            name: "another station's password", path: "DEMO-A02", authorization: basic("DEMO-A02", a01), protocols: ["ocpp2.0.1"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.wrongPassword)),
        Case(
            name: "no acceptable subprotocol", path: "DEMO-A01", authorization: basic("DEMO-A01", a01), protocols: ["ocpp2.1"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.protocolMismatch)),
        Case(
            name: "profile 2 station on the plain listener", path: "TLS-1", authorization: basic("TLS-1", "tls-secret-0123456789"),
            protocols: ["ocpp2.0.1"], listener: .plain(allowUnauthenticated: false), expected: .failure(.profileMismatch(configured: 2))),
        Case(
            name: "profile 2 station over TLS", path: "TLS-1", authorization: basic("TLS-1", "tls-secret-0123456789"), protocols: ["ocpp2.0.1"],
            listener: .tls, expected: .success(.v201)),
        Case(
            name: "profile 1 station on a TLS listener", path: "DEMO-A01", authorization: basic("DEMO-A01", a01), protocols: ["ocpp1.6"],
            listener: .tls, expected: .failure(.profileMismatch(configured: 1))),
        Case(
            name: "profile 3 station on a Basic listener", path: "CERT-1", authorization: nil, protocols: ["ocpp2.0.1"], listener: .tls,
            expected: .failure(.profileMismatch(configured: 3))),
        Case(
            name: "profile 0 only where allowed", path: "OPEN-1", authorization: nil, protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: false), expected: .failure(.profileMismatch(configured: 0))),
        Case(
            name: "profile 0 on a development listener", path: "OPEN-1", authorization: nil, protocols: ["ocpp1.6"],
            listener: .plain(allowUnauthenticated: true), expected: .success(.v16)),
    ]

    @Test(arguments: cases)
    func checklist(_ testCase: Case) {
        let result = OCPPUpgradeCheck.evaluate(
            pathIdentity: testCase.path, authorization: testCase.authorization, offeredProtocols: testCase.protocols, listener: testCase.listener,
            directory: Self.directory)
        switch (result, testCase.expected) {
        case (.success(let admission), .success(let version)): #expect(admission.version == version)
        case (.failure(let refusal), .failure(let expected)): #expect(refusal == expected)
        default: Issue.record("got \(result), expected \(testCase.expected)")
        }
    }

    @Test func throttleDelaysOnlyRepeatedFailuresAndReportsOncePerWindow() async {
        let throttle = AuthenticationThrottle()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var delays: [Duration] = []
        var reports = 0
        for attempt in 0..<12 {
            let (delay, report) = await throttle.recordFailure(
                source: "10.0.0.1", identity: "STATION-\(attempt)", at: now.addingTimeInterval(Double(attempt)))
            delays.append(delay)
            if report { reports += 1 }
        }
        #expect(delays.prefix(10).allSatisfy { $0 == .zero })
        #expect(delays.suffix(2).allSatisfy { $0 == .seconds(2) })
        #expect(reports == 1)
        // A minute later the window has passed.
        let later = await throttle.recordFailure(source: "10.0.0.1", identity: "STATION-0", at: now.addingTimeInterval(120))
        #expect(later.delay == .zero)
        // Five failures for one identity from many sources throttle that identity.
        for source in 0..<5 { _ = await throttle.recordFailure(source: "10.1.0.\(source)", identity: "VICTIM", at: now) }
        #expect(await throttle.recordFailure(source: "10.1.0.99", identity: "VICTIM", at: now).delay == .seconds(2))
    }

    @Test func pendingUpgradesPerSourceAreCapped() async {
        var limits = AuthenticationThrottle.Limits()
        limits.pendingUpgradesPerSource = 2
        let throttle = AuthenticationThrottle(limits: limits)
        #expect(await throttle.beginUpgrade(from: "a"))
        #expect(await throttle.beginUpgrade(from: "a"))
        #expect(!(await throttle.beginUpgrade(from: "a")))
        #expect(await throttle.beginUpgrade(from: "b"))
        await throttle.endUpgrade(from: "a")
        #expect(await throttle.beginUpgrade(from: "a"))
    }
}

/// SHA-256 in hex, to derive the demo depot's documented passwords in tests.
enum SHA256Hex {
    static func of(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
