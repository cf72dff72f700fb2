extension VDV261 {
    /// The message version a vehicle speaks (docs/vdv.md B2): V2 adds `h2_stat`, `bat_stat`, `target_soc`
    /// and stricter passwords.
    public enum Version: String, Sendable, CaseIterable {
        /// Edition 1 messages.
        case v1 = "V1"
        /// Edition 2 messages.
        case v2 = "V2"

        /// The configured version, else V2 when the request carries `h2_stat` or `bat_stat`, else V1.
        public static func detect(configured: Version?, request: Request) -> Version {
            configured ?? (request.h2Stat != nil || request.batStat != nil ? .v2 : .v1)
        }
    }
}
