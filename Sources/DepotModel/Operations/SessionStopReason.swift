/// Why a charging session ended (OCPP 1.6 `Reason` / 2.0.1 `stoppedReason`, plus Busbar's own).
public enum SessionStopReason: String, Hashable, Codable, Sendable, CaseIterable {
    case local = "Local"
    case remote = "Remote"
    case evDisconnected = "EVDisconnected"
    case emergencyStop = "EmergencyStop"
    case hardReset = "HardReset"
    case softReset = "SoftReset"
    case powerLoss = "PowerLoss"
    case reboot = "Reboot"
    case deAuthorized = "DeAuthorized"
    case energyLimitReached = "EnergyLimitReached"
    case socLimitReached = "SOCLimitReached"
    case timeLimitReached = "TimeLimitReached"
    case unlockCommand = "UnlockCommand"
    case other = "Other"
}
