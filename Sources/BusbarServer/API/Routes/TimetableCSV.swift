import Foundation
import HTTPTypes

/// Reads a timetable CSV: a header row naming the columns (`vehicle`, `arrival`, `departure`,
/// `target_soc`, optionally `min_target_soc`, `max_target_soc`, `arrival_soc`, `bay`), then one
/// stay per line; times in ISO 8601, SoCs in percent, fields without quotes. Blank lines are
/// skipped. A broken header refuses the whole file (400); a broken row is reported with its line.
enum TimetableCSV {
    /// One data row: its line number (the header is line 1) and the stay, or why it is broken.
    struct Row {
        let line: Int
        let input: Result<TimetableRoutes.EntryInput, ProblemDetails>
    }

    static let required = ["vehicle", "arrival", "departure", "target_soc"]
    static let optional = ["min_target_soc", "max_target_soc", "arrival_soc", "bay"]

    static func rows(_ text: String) throws -> [Row] {
        // "\r\n" is one Character in Swift, so both line ends are named.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }),
            Set(required).isSubset(of: header)
        else { throw ProblemDetails(.badRequest, "the first line must name the columns, at least \(required.joined(separator: ","))") }
        guard Set(header).count == header.count else { throw ProblemDetails(.badRequest, "a column is named twice in the header") }
        if let unknown = header.first(where: { !(required + optional).contains($0) }) {
            throw ProblemDetails(.badRequest, "unknown column \(unknown); known are \((required + optional).joined(separator: ","))")
        }
        return lines.enumerated().dropFirst().compactMap { index, line in
            guard !line.allSatisfy(\.isWhitespace) else { return nil }
            return Row(
                line: index + 1,
                input: Result { try input(line, header: header) }.mapError { $0 as? ProblemDetails ?? ProblemDetails(.badRequest, "\($0)") })
        }
    }

    private static func input(_ line: Substring, header: [String]) throws -> TimetableRoutes.EntryInput {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count == header.count else { throw ProblemDetails(.badRequest, "expected \(header.count) fields, found \(fields.count)") }
        let values = Dictionary(uniqueKeysWithValues: zip(header, fields)).filter { !$0.value.isEmpty }
        func time(_ name: String) throws -> Date {
            guard let text = values[name] else { throw ProblemDetails(.badRequest, "\(name) is empty") }
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw ProblemDetails(.badRequest, "\(name) \(text) is not an ISO 8601 time")
            }
            return date
        }
        func number(_ name: String) throws -> Double? {
            guard let text = values[name] else { return nil }
            guard let value = Double(text), value.isFinite else { throw ProblemDetails(.badRequest, "\(name) \(text) is not a number") }
            return value
        }
        guard let vehicle = values["vehicle"] else { throw ProblemDetails(.badRequest, "vehicle is empty") }
        guard let target = try number("target_soc") else { throw ProblemDetails(.badRequest, "target_soc is empty") }
        return TimetableRoutes.EntryInput(
            vehicle: vehicle, arrival: try time("arrival"), departure: try time("departure"), targetSoc: target,
            minTargetSoc: try number("min_target_soc"), maxTargetSoc: try number("max_target_soc"), arrivalSoc: try number("arrival_soc"),
            bay: values["bay"])
    }
}
