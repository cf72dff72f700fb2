/// A parking bay: the place a vehicle stands while it charges. The tag type of `BayID`; bays are
/// declared by the connectors that serve them (`Connector.bay`).
public enum Bay {}
