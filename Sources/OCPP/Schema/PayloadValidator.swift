import Foundation

/// Checks a payload against its ``PayloadSchema`` and names the first violation with the
/// CALLERROR reason of docs/ocpp.md §4. Returns the payload as the typed decoder should see it: with
/// the allowed quirks applied (unknown properties dropped, numeric strings turned into numbers).
struct PayloadValidator {
    let quirks: DecodingQuirks
    private(set) var usedQuirks: DecodingQuirks = []

    init(quirks: DecodingQuirks) {
        self.quirks = quirks
    }

    mutating func validatePayload(_ value: JSONValue, against schema: PayloadSchema) throws(OCPPError) -> JSONValue {
        guard case .object = value else { throw OCPPError(.invalidShape, "payload is not an object") }
        return try validate(value, against: schema, path: "")
    }

    private mutating func validate(_ value: JSONValue, against schema: PayloadSchema, path: String) throws(OCPPError) -> JSONValue {
        switch schema {
        case .any:
            return value
        case .boolean:
            guard case .bool = value else { throw Self.wrongType(path, "a boolean") }
            return value
        case .string(let maxLength, let values):
            guard case .string(let text) = value else { throw Self.wrongType(path, "a string") }
            if let maxLength, text.unicodeScalars.count > maxLength {
                throw OCPPError(.propertyConstraint, "\(Self.name(path)): longer than \(maxLength) characters")
            }
            if let values, !values.contains(text) {
                throw OCPPError(.propertyConstraint, "\(Self.name(path)): not an allowed value")
            }
            return value
        case .dateTime:
            guard case .string(let text) = value else { throw Self.wrongType(path, "a date-time string") }
            guard OCPPDateTime.parse(text) != nil else {
                throw OCPPError(.propertyConstraint, "\(Self.name(path)): not an RFC 3339 date-time")
            }
            return value
        case .integer(let minimum, let maximum):
            let number = try numeric(value, path: path, expected: "an integer")
            guard number == number.rounded() else { throw Self.wrongType(path, "an integer") }
            let low = Double(minimum ?? Int(Int32.min))
            let high = Double(maximum ?? Int(Int32.max))
            guard number >= low, number <= high else {
                throw OCPPError(.propertyConstraint, "\(Self.name(path)): out of range")
            }
            return .number(number)
        case .number(let minimum, let maximum, let tenths):
            let number = try numeric(value, path: path, expected: "a number")
            let inRange = number >= (minimum ?? -1e15) && number <= (maximum ?? 1e15)
            let scaled = number * 10
            guard inRange, !tenths || abs(scaled - scaled.rounded()) <= 8 * scaled.ulp else {
                throw OCPPError(.propertyConstraint, "\(Self.name(path)): out of range or not a multiple of 0.1")
            }
            return .number(number)
        case .array(let itemSchema, let minItems, let maxItems):
            guard case .array(let items) = value else { throw Self.wrongType(path, "an array") }
            guard items.count >= minItems, items.count <= (maxItems ?? PayloadSchema.defaultMaximumItems) else {
                throw OCPPError(.occurrence, "\(Self.name(path)): \(items.count) items is outside the allowed count")
            }
            var checked: [JSONValue] = []
            checked.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                checked.append(try validate(item, against: itemSchema, path: "\(path)[\(index)]"))
            }
            return .array(checked)
        case .object(let properties, let allowsAdditional):
            guard case .object(let members) = value else { throw Self.wrongType(path, "an object") }
            return .object(try validateMembers(members, properties, allowsAdditional, path: path))
        }
    }

    private mutating func validateMembers(
        _ members: [String: JSONValue],
        _ properties: [String: PayloadSchema.Property],
        _ allowsAdditional: Bool,
        path: String
    ) throws(OCPPError) -> [String: JSONValue] {
        var checked: [String: JSONValue] = [:]
        let keys = members.keys.sorted()
        for key in keys where properties[key] == nil && !allowsAdditional {
            guard quirks.contains(.allowUnknownProperties) else {
                throw OCPPError(.invalidShape, "\(Self.name(Self.join(path, key))): property not allowed")
            }
            usedQuirks.insert(.allowUnknownProperties)
        }
        for property in properties.values.sorted(by: { $0.name < $1.name }) where property.required && members[property.name] == nil {
            throw OCPPError(.occurrence, "\(Self.name(Self.join(path, property.name))): required")
        }
        for key in keys {
            guard let member = members[key] else { continue }
            if let property = properties[key] {
                checked[key] = try validate(member, against: property.schema, path: Self.join(path, key))
            } else if allowsAdditional {
                checked[key] = member
            }
        }
        return checked
    }

    private mutating func numeric(_ value: JSONValue, path: String, expected: String) throws(OCPPError) -> Double {
        switch value {
        case .number(let number):
            return number
        case .string(let text) where quirks.contains(.numericStrings):
            guard let number = DecimalText.parse(text) else { throw Self.wrongType(path, expected) }
            usedQuirks.insert(.numericStrings)
            return number
        default:
            throw Self.wrongType(path, expected)
        }
    }

    private static func wrongType(_ path: String, _ expected: String) -> OCPPError {
        OCPPError(.typeConstraint, "\(name(path)): expected \(expected)")
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private static func name(_ path: String) -> String {
        path.isEmpty ? "payload" : path
    }
}
