public import DepotModel

/// A configuration file that passed its check, with what it holds.
public struct CheckedFile: Sendable {
    public enum Content: Sendable {
        case settings(BusbarSettings)
        case depot(Depot)
    }

    public let path: String
    public let content: Content
}
