import Foundation
import OCPP

/// Mutates valid frames the way a broken or hostile station would (docs/reliability.md F1): bit flips,
/// truncation, type swaps, huge numbers, deep nesting, duplicate keys and invalid UTF-8.
struct FrameMutator {
    /// A seed frame with the positions the mutations aim at, found once.
    struct Seed {
        let bytes: [UInt8]
        let value: JSONValue
        let nodeCount: Int
        let colons: [Int]
        let quotes: [Int]
        let objectStarts: [Int]
    }

    private(set) var random: SplitMix64
    let seeds: [Seed]

    init(seeds: [[UInt8]], random: SplitMix64) throws {
        self.random = random
        self.seeds = try seeds.map { bytes in
            let value = try JSONParser.parse(bytes)
            var count = 0
            Self.countNodes(value, &count)
            let indices = Array(bytes.indices)
            return Seed(
                bytes: bytes,
                value: value,
                nodeCount: count,
                colons: indices.filter { bytes[$0] == UInt8(ascii: ":") },
                quotes: indices.filter { bytes[$0] == UInt8(ascii: "\"") },
                objectStarts: indices.dropLast().filter { bytes[$0] == UInt8(ascii: "{") && bytes[$0 + 1] == UInt8(ascii: "\"") }
            )
        }
    }

    mutating func mutate(seed index: Int) -> [UInt8] {
        let seed = seeds[index % seeds.count]
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return flipBits(seed.bytes)
        case 1: return Array(seed.bytes.prefix(Int.random(in: 0...seed.bytes.count, using: &random)))
        case 2: return swapType(seed)
        case 3: return hugeNumber(seed)
        case 4: return deepNesting(seed)
        case 5: return duplicateKey(seed)
        case 6: return invalidUTF8(seed)
        default: return flipBits(swapType(seed))
        }
    }

    private mutating func flipBits(_ frame: [UInt8]) -> [UInt8] {
        guard !frame.isEmpty else { return frame }
        var bytes = frame
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        }
        return bytes
    }

    private mutating func swapType(_ seed: Seed) -> [UInt8] {
        let replacements: [JSONValue] = [.null, .bool(true), .number(-1), .number(0.5), .string(""), .string("9"), .array([]), .object([:])]
        let replacement = replacements[Int.random(in: 0..<replacements.count, using: &random)]
        var index = 0
        let target = Int.random(in: 0..<seed.nodeCount, using: &random)
        return Array(Self.replace(seed.value, target, &index, with: replacement).jsonText.utf8)
    }

    /// The end of the value that starts after the colon at `colon` (a scalar value; nested
    /// values end at their first comma or closing bracket, which is still a useful mutation).
    private static func valueEnd(_ bytes: [UInt8], after colon: Int) -> Int {
        var end = colon + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "}") { end += 1 }
        return end
    }

    private mutating func hugeNumber(_ seed: Seed) -> [UInt8] {
        let numbers = ["1e400", "-1e400", "9223372036854775808", "2147483648", "-2147483649", "1e-400", "123456789012345678901234567890.5"]
        let number = Array(numbers[Int.random(in: 0..<numbers.count, using: &random)].utf8)
        guard let colon = seed.colons.randomElement(using: &random) else { return seed.bytes }
        let end = Self.valueEnd(seed.bytes, after: colon)
        return Array(seed.bytes[...colon]) + number + Array(seed.bytes[end...])
    }

    private mutating func deepNesting(_ seed: Seed) -> [UInt8] {
        let depth = Int.random(in: 30...10_000, using: &random)
        let open = [UInt8](repeating: UInt8(ascii: "["), count: depth)
        let close = [UInt8](repeating: UInt8(ascii: "]"), count: depth)
        guard let colon = seed.colons.randomElement(using: &random) else { return open + seed.bytes + close }
        let end = Self.valueEnd(seed.bytes, after: colon)
        return Array(seed.bytes[...colon]) + open + Array(seed.bytes[(colon + 1)..<end]) + close + Array(seed.bytes[end...])
    }

    private mutating func duplicateKey(_ seed: Seed) -> [UInt8] {
        guard let brace = seed.objectStarts.randomElement(using: &random) else { return seed.bytes }
        let bytes = seed.bytes
        var end = brace + 1
        var depth = 0
        var inString = false
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\""), bytes[end - 1] != UInt8(ascii: "\\") { inString.toggle() }
            if !inString {
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    if depth == 0 { break }
                    depth -= 1
                }
                if byte == UInt8(ascii: ","), depth == 0 { break }
            }
            end += 1
        }
        return Array(bytes[...brace]) + Array(bytes[(brace + 1)..<end]) + [UInt8(ascii: ",")] + Array(bytes[(brace + 1)...])
    }

    private mutating func invalidUTF8(_ seed: Seed) -> [UInt8] {
        let sequences: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xC0, 0xAF]]
        let sequence = sequences[Int.random(in: 0..<sequences.count, using: &random)]
        guard let quote = seed.quotes.randomElement(using: &random) else { return sequence + seed.bytes }
        return Array(seed.bytes[...quote]) + sequence + Array(seed.bytes[(quote + 1)...])
    }

    private static func countNodes(_ value: JSONValue, _ count: inout Int) {
        count += 1
        switch value {
        case .array(let items): for item in items { countNodes(item, &count) }
        case .object(let members): for member in members.values { countNodes(member, &count) }
        default: break
        }
    }

    /// Rebuilds `value` with its `target`-th node (pre-order) replaced.
    private static func replace(_ value: JSONValue, _ target: Int, _ index: inout Int, with replacement: JSONValue) -> JSONValue {
        let current = index
        index += 1
        if current == target { return replacement }
        switch value {
        case .array(let items):
            var result: [JSONValue] = []
            for item in items { result.append(replace(item, target, &index, with: replacement)) }
            return .array(result)
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for key in members.keys.sorted() { result[key] = replace(members[key] ?? .null, target, &index, with: replacement) }
            return .object(result)
        default:
            return value
        }
    }
}
