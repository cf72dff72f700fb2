/// A tolerated firmware deviation of one charger model (docs/ocpp.md §4). Busbar is strict by default;
/// each quirk relaxes exactly one rule and is logged when used.
public enum ChargerQuirk: String, Hashable, Codable, Sendable, CaseIterable {
    /// Accept properties the schema does not define.
    case allowUnknownProperties = "allow_unknown_properties"
    /// Accept numbers sent as strings.
    case numericStrings = "numeric_strings"
    /// The charger does not resume after a 0 limit; never send 0, pause with the minimum instead.
    case noResumeFromZero = "no_resume_from_zero"
    /// Accept `Error` and other codes outside the enum in StatusNotification.
    case lenientErrorCodes = "lenient_error_codes"
    /// The charger only accepts limits in amperes, even for DC.
    case ampereLimitsOnly = "ampere_limits_only"
}
