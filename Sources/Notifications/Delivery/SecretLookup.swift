public import DepotModel

/// Turns a secret reference of the depot file into its value. The server passes its
/// `SecretResolver`; secrets are read at send time, so a failure to read one is a delivery error
/// the outbox retries, not a lost message.
public typealias SecretLookup = @Sendable (SecretReference) throws -> String
