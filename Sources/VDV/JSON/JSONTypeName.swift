/// Names the JSON type behind a decoder for errors that say what was found. Containers are only
/// opened, never walked, so a large or deeply nested value costs no more than a small one.
enum JSONTypeName {
    static func of(_ decoder: any Decoder) -> String {
        if (try? decoder.container(keyedBy: AnyCodingKey.self)) != nil { return "object" }
        if (try? decoder.unkeyedContainer()) != nil { return "array" }
        guard let value = try? decoder.singleValueContainer() else { return "unknown" }
        if value.decodeNil() { return "null" }
        if (try? value.decode(Bool.self)) != nil { return "boolean" }
        if (try? value.decode(String.self)) != nil { return "string" }
        return "number"
    }
}
