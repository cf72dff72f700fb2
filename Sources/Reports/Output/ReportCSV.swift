import Foundation

/// Renders any report as CSV (RFC 4180): a header row of the column names, one line per row,
/// CRLF line ends, fields quoted when they hold a comma, quote or line break.
public enum ReportCSV {
    /// The report's rows as CSV text; totals are JSON only (a CSV is one table).
    public static func encode(_ report: some Report) -> String {
        let header = type(of: report).Row.columns.map(quote)
        let lines = [header] + report.rows.map { $0.values.map { quote(field($0)) } }
        return lines.map { $0.joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field as RFC 4180 wants it.
    static func quote(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The text of one cell; a missing value is an empty field.
    static func field(_ value: ReportValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number, let decimals): "\(number.rounded(toPlaces: decimals))"
        case .count(let count): "\(count)"
        case .flag(let flag): flag ? "true" : "false"
        case .time(let date): ReportTime.text(date)
        case .missing: ""
        case .objects: ""
        }
    }
}
