import Foundation

/// Namespace of the OCPP 2.0.1 payloads, so their names can follow the specification without
/// clashing with the 1.6 ones.
public enum V201 {}
