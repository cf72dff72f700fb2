import Foundation

/// The real SMTP server of `Tests/Support/smtp_server.py` (aiosmtpd from `.venv`, which `make
/// test` builds from requirements.txt): STARTTLS with a throwaway self-signed certificate made
/// by `openssl`, AUTH required for user `busbar` / `secret`.
final class SMTPTestServer {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// One accepted message as the server wrote it.
    struct Mail: Decodable {
        let mail_from: String
        let rcpt_tos: [String]
        let data: String
        let tls: Bool
        let user: String?

        /// The header value of the first header with that name.
        func header(_ name: String) -> String? {
            let head = data.components(separatedBy: "\r\n\r\n").first ?? ""
            return head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ": ") }
                .map { String($0.dropFirst(name.count + 2)) }
        }

        var body: String { data.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n") }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let folder: URL
    let port: Int
    private let process: Process

    var certificatePath: String { folder.appendingPathComponent("cert.pem").path }
    private var messagesPath: String { folder.appendingPathComponent("messages.jsonl").path }

    /// Makes the certificate in `folder` if it is not there yet, starts the server and reads the
    /// port it bound (0: any free one). `plain` offers no STARTTLS and does not require AUTH.
    init(folder: URL, port: Int = 0, plain: Bool = false) throws {
        self.folder = folder
        let python = Self.packageRoot.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "\(python.path) is missing: run `make test`, which builds .venv from requirements.txt (aiosmtpd)")
        }
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        if !FileManager.default.fileExists(atPath: certificate) {
            try Self.run(
                "/usr/bin/env",
                [
                    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certificate,
                ])
        }
        let process = Process()
        process.executableURL = python
        process.arguments =
            [
                Self.packageRoot.appendingPathComponent("Tests/Support/smtp_server.py").path, "--port", String(port),
                "--out", folder.appendingPathComponent("messages.jsonl").path, "--cert", certificate, "--key", key,
            ] + (plain ? ["--plain"] : [])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let bound = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw Failure(description: "smtp_server.py did not start (port \(port))")
        }
        self.process = process
        self.port = bound
    }

    /// The messages accepted so far.
    func messages() throws -> [Mail] {
        guard let text = try? String(contentsOfFile: messagesPath, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Mail.self, from: Data($0.utf8)) }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(arguments.first ?? executable) failed") }
    }
}
