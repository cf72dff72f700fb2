import DepotModel
import Foundation

/// Renders any report as one JSON document: `report`, `period` (`from`, `to`, `hours`),
/// `filters` (`depot`, `tenant`, `vehicle`, null when not set), `notes`, `rows` and `totals`.
/// Keys are sorted, times are ISO 8601 UTC, unknown values are null.
public enum ReportJSON {
    /// The report as pretty-printed JSON text, ending in a newline.
    public static func encode(_ report: some Report) throws -> String {
        let request = report.request
        let period = JSONObject([
            ReportField("from", .time(request.period.lowerBound)), ReportField("to", .time(request.period.upperBound)),
            ReportField("hours", .number(request.hours, decimals: 3)),
        ])
        let filters = JSONObject([
            ReportField("depot", .text(request.depot.rawValue)), ReportField("tenant", .text(request.tenant?.rawValue)),
            ReportField("vehicle", .text(request.vehicle?.rawValue)),
        ])
        let rows = report.rows.map { row in JSONObject(zip(type(of: row).columns, row.values).map { ReportField($0, $1) }) }
        let document = JSONObject(entries: [
            .value("report", .text(type(of: report).name)), .object("period", period), .object("filters", filters),
            .strings("notes", type(of: report).notes), .objects("rows", rows), .object("totals", JSONObject(report.totals)),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}

/// A JSON object whose keys are only known at run time.
private struct JSONObject: Encodable {
    enum Entry {
        case value(String, ReportValue)
        case object(String, JSONObject)
        case objects(String, [JSONObject])
        case strings(String, [String])
    }

    let entries: [Entry]

    init(entries: [Entry]) { self.entries = entries }
    init(_ fields: [ReportField]) { entries = fields.map { .value($0.name, $0.value) } }

    struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for entry in entries {
            switch entry {
            case .object(let name, let object): try container.encode(object, forKey: Key(name))
            case .objects(let name, let list): try container.encode(list, forKey: Key(name))
            case .strings(let name, let list): try container.encode(list, forKey: Key(name))
            case .value(let name, let value):
                let key = Key(name)
                switch value {
                case .text(let text): try container.encode(text, forKey: key)
                case .number(let number, let decimals): try container.encode(number.rounded(toPlaces: decimals), forKey: key)
                case .count(let count): try container.encode(count, forKey: key)
                case .flag(let flag): try container.encode(flag, forKey: key)
                case .time(let date): try container.encode(ReportTime.text(date), forKey: key)
                case .missing: try container.encodeNil(forKey: key)
                case .objects(let list): try container.encode(list.map(JSONObject.init), forKey: key)
                }
            }
        }
    }
}
