/// Where a timetable entry came from; entries from one source never overwrite another's.
public enum TimetableSource: Hashable, Codable, Sendable {
    /// A static entry of the depot file.
    case depotFile
    /// Created through the REST API.
    case api
    /// A VDV 463 charging request of an upstream presystem.
    case vdv463(presystemID: String)
}
