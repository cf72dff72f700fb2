/// One SMTP reply (RFC 5321 §4.2): a three-digit code and its text lines.
struct SMTPReply: Hashable {
    let code: Int
    let lines: [String]

    /// EHLO keywords in upper case (`STARTTLS`, `AUTH`, …).
    var keywords: Set<String> {
        Set(lines.dropFirst().compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "=" }).first.map { $0.uppercased() } })
    }

    /// The mechanisms an EHLO reply's `AUTH` line offers, in upper case.
    var authMechanisms: Set<String> {
        Set(
            lines.dropFirst().flatMap { line -> [String] in
                let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map { $0.uppercased() }
                return words.first == "AUTH" ? Array(words.dropFirst()) : []
            })
    }

    /// The failure a reply means when it is not the expected one: 5xx is permanent, anything else
    /// (4xx, or an answer out of sequence) is worth another try.
    func failure(after command: String) -> DeliveryFailure {
        let text = "\(command) answered \(code) \(lines.joined(separator: " ").prefix(200))"
        return (500..<600).contains(code) ? .permanent(text) : .transient(text)
    }
}
