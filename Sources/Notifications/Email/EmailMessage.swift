import Foundation

/// A plain-text email as SMTP's DATA carries it: RFC 5322 headers (Date, Message-ID, …), CRLF
/// line ends, RFC 2047 encoded subject and base64 body when not plain ASCII, and dot-stuffing.
struct EmailMessage {
    let from: String
    let to: String
    /// The header block and body, CRLF-separated, not yet dot-stuffed.
    let text: String

    /// - Parameters:
    ///   - messageID: unique per message and the same on every retry, so receivers can drop copies.
    ///   - extraHeaders: further `Name: value` headers (values made single-line).
    init(
        from: String, to: String, subject: String, body: String, date: Date, messageID: String, extraHeaders: [(String, String)] = []
    )
        throws(DeliveryFailure)
    {
        for address in [from, to] where !Self.isPlainAddress(address) {
            throw .permanent("not a plain email address: \(address.prefix(100))")
        }
        self.from = from
        self.to = to
        let bodyLines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let plain = body.utf8.allSatisfy { $0 < 0x80 } && bodyLines.allSatisfy { $0.utf8.count <= 998 }
        var headers = [
            ("Date", Self.rfc5322Date(date)),
            ("From", from),
            ("To", to),
            ("Subject", Self.encodedHeaderValue(subject)),
            ("Message-ID", "<\(messageID)@\(from.split(separator: "@").last.map(String.init) ?? "busbar")>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", plain ? "7bit" : "base64"),
            ("Auto-Submitted", "auto-generated"),
        ]
        headers += extraHeaders.map { ($0.0, Self.encodedHeaderValue($0.1)) }
        let bodyText =
            plain
            ? bodyLines.joined(separator: "\r\n")
            : Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        text = headers.map { "\($0.0): \($0.1)" }.joined(separator: "\r\n") + "\r\n\r\n" + bodyText
    }

    /// The DATA payload: every line starting with "." gets another (RFC 5321 §4.5.2), then the
    /// terminating `CRLF.CRLF`.
    var dataBlock: String {
        text.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    private static func isPlainAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[],;:\"\\".unicodeScalars.contains($0) }
    }

    /// One line; RFC 2047 base64 words when not ASCII.
    private static func encodedHeaderValue(_ value: String) -> String {
        let line = value.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard !line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return line }
        return "=?UTF-8?B?\(Data(line.utf8).base64EncodedString())?="
    }

    private static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
