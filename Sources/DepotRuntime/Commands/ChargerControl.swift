/// The way out of the runtime to the chargers, implemented by the OCPP adapter in `BusbarServer`:
/// one call per command, awaiting the charger's answer.
public protocol ChargerControl: Sendable {
    /// Sends one command and waits for the charger's answer.
    func execute(_ command: ChargerCommand) async -> ChargerCommandResult
}
