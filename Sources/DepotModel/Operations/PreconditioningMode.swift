/// The climate pre-conditioning a vehicle performs before departure (VDV 463 `preconditioningRequest`
/// names, which the `preconditioning` policy also returns).
public enum PreconditioningMode: String, Hashable, Codable, Sendable, CaseIterable {
    case hotWaterAndHeating = "HotWaterAndHeating"
    case warmWaterAndVentilation = "WarmWaterAndVentilation"
    case noWaterCoolingOrVentilation = "NoWaterCoolingOrVentilation"
    case none = "None"
}
