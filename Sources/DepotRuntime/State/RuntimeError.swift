/// Why a request to the depot was refused; the REST API maps these to problem details.
public enum RuntimeError: Error, Hashable, Sendable {
    /// No such object, or one the caller's tenant may not see (both answer 404).
    case notFound(String)
    /// The request contradicts the depot's configuration or state.
    case invalid(String)
    /// The request clashes with the object's state or another object (a taken connector, an entry
    /// owned by another source).
    case conflict(String)
}
