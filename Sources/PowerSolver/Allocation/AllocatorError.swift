public import DepotModel

/// A malformed allocator input (a tree without a site, an unknown node).
public enum AllocatorError: Error, Hashable, Sendable {
    case noSiteNode
    case severalSiteNodes([String])
    case unknownNode(String)
    case duplicateNode(String)
    case duplicateSession(ConnectorAddress)
    case cycle(node: String)
}
