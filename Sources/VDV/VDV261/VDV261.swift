/// Namespace of the VDV 261 (V2ICP) vehicle messages (docs/vdv.md Part B): the request a bus posts,
/// the merged parameter state per plug-in, the encodings Busbar assumes for unknown details, and
/// the reply. VDV 261 is known only second-hand, so every guess is a setting with a safe default.
public enum VDV261 {
    /// The largest request body Busbar reads (docs/vdv.md B2).
    public static let maximumBodySize = 16 * 1024
}
