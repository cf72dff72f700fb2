public import DepotModel

/// The demo depot's VDV secrets, which `config/depots/demo.yaml` references by environment
/// variable: `busbar demo` and the end-to-end tests hand the same values to the server and to the
/// virtual presystem and buses. Demo values only, like ``StationPasswords/demo``; never reuse them.
public enum DemoSecrets {
    /// `DEMO_HOCHBAHN_VDV_PASSWORD` (Hochbahn's VDV 463 presystem) and `DEMO_VDV261_PASSWORD`
    /// (every demo bus; it meets the VDV 261 V2 rules).
    public static let environment = ["DEMO_HOCHBAHN_VDV_PASSWORD": "demo-hochbahn-bms-2026", "DEMO_VDV261_PASSWORD": "Demo-V2icp#2026"]

    /// The demo value behind a secret reference of the demo depot, nil for any other.
    public static func value(of reference: SecretReference?) -> String? {
        guard case .environment(let name) = reference else { return nil }
        return environment[name]
    }
}
