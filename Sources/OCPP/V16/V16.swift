import Foundation

/// Namespace of the OCPP 1.6J payloads (with the OCA security extension), so their names can
/// follow the specification without clashing with the 2.0.1 ones.
public enum V16 {}
