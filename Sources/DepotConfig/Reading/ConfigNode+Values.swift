import DepotModel
import Yams

extension ConfigNode {
    /// A power in kW; `allowZero` admits 0 (minimums, margins, base loads).
    func kilowatts(allowZero: Bool = false) -> Kilowatts? {
        guard let value = number() else { return nil }
        guard allowZero ? value >= 0 : value > 0 else {
            report(allowZero ? "must be ≥ 0" : "must be > 0")
            return nil
        }
        return Kilowatts(value)
    }

    /// An energy in kWh, > 0.
    func kilowattHours() -> KilowattHours? {
        guard let value = number() else { return nil }
        guard value > 0 else {
            report("must be > 0")
            return nil
        }
        return KilowattHours(value)
    }

    /// A state of charge in percent, 0–100.
    func percent() -> Percent? {
        guard let value = number() else { return nil }
        guard (0...100).contains(value) else {
            report("must be between 0 and 100")
            return nil
        }
        return Percent(value)
    }

    /// A whole number within a range.
    func integer(in range: ClosedRange<Int>) -> Int? {
        guard let value = integer() else { return nil }
        guard range.contains(value) else {
            report("must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A local time of day, `HH:MM`. Unquoted, YAML 1.1 reads `22:00` as the number 79200, so the
    /// message tells the operator to quote it.
    func timeOfDay() -> TimeOfDay? {
        guard case .scalar(let scalar) = node else {
            report("expected a time of day \"HH:MM\", found \(kind)")
            return nil
        }
        guard tag == .str else {
            report("write times of day in quotes, e.g. \"\(scalar.string)\" (unquoted YAML reads them as numbers)")
            return nil
        }
        guard let time = TimeOfDay(scalar.string) else {
            report("expected a time of day \"HH:MM\" (00:00–23:59), found \"\(scalar.string)\"")
            return nil
        }
        return time
    }

    /// An identifier: text of 1–64 characters without whitespace.
    func identifier<Owner>(_: Owner.Type = Owner.self) -> Identifier<Owner>? {
        guard let text = string() else { return nil }
        guard text.count <= 64, !text.contains(where: \.isWhitespace) else {
            report("ids are 1–64 characters without spaces")
            return nil
        }
        return Identifier(text)
    }

    /// One of a fixed set of words.
    func oneOf<Value: RawRepresentable>(_: Value.Type) -> Value? where Value.RawValue == String, Value: CaseIterable {
        guard let text = string() else { return nil }
        guard let value = Value(rawValue: text) else {
            report("must be one of \(Value.allCases.map { $0.rawValue }.joined(separator: ", ")); found \"\(text)\"")
            return nil
        }
        return value
    }

    /// A list of text values.
    func strings() -> [String]? {
        guard let items = sequence() else { return nil }
        let values = items.compactMap { $0.string() }
        return values.count == items.count ? values : nil
    }
}
