import Foundation

/// Why a frame is not JSON Busbar accepts; every case becomes a malformed-frame CALLERROR.
public enum JSONParseError: Error, Hashable, Sendable {
    /// Not valid JSON text at this byte offset.
    case syntax(offset: Int)
    /// A string is not valid UTF-8 or holds a lone surrogate escape.
    case invalidText(offset: Int)
    /// An object names the same key twice: which value counts is ambiguous, so neither does.
    case duplicateKey(String)
    /// Arrays and objects nest deeper than ``JSONParser/maximumDepth`` (no OCPP payload does).
    case tooDeep
}
