/// How Busbar logs: a swift-log level name and text or JSON lines.
public struct LogSettings: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable, CaseIterable {
        case text
        case json
    }

    /// The swift-log level names, least to most severe.
    public static let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    public let level: String
    public let format: Format

    public init(level: String = "info", format: Format = .text) {
        self.level = level
        self.format = format
    }
}
