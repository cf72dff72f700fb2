import ArgumentParser
import Foundation

/// A point in time on the command line: Unix seconds (`1800043200`) or ISO 8601 in UTC or with an
/// offset (`2027-01-15T20:00:00Z`), the two forms decision records and state fixtures use.
struct PolicyTime: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        if let seconds = Double(argument) {
            date = Date(timeIntervalSince1970: seconds)
        } else if let parsed = try? Date.ISO8601FormatStyle().parse(argument) {
            date = parsed
        } else {
            return nil
        }
    }
}
