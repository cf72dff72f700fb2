extension KeyedDecodingContainer {
    /// Decodes a percentage and enforces the schemas' `minimum: 0, maximum: 100`, so an
    /// out-of-range state of charge fails decoding like it fails schema validation.
    func decodePercent(forKey key: Key) throws -> Double {
        let value = try decode(Double.self, forKey: key)
        guard (0...100).contains(value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(value) is outside 0…100")
        }
        return value
    }

    /// The optional form of `decodePercent(forKey:)`.
    func decodePercentIfPresent(forKey key: Key) throws -> Double? {
        try contains(key) && !decodeNil(forKey: key) ? decodePercent(forKey: key) : nil
    }
}
