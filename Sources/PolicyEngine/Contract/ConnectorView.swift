public import DepotModel

/// The connector a session uses or is planned on (`session.connector`).
public struct ConnectorView: Codable, Sendable, Hashable {
    public var charger: ChargerID
    public var id: Int
    public var bay: BayID?
    public var area: AreaID?
    public var maxKw: Kilowatts

    public init(charger: ChargerID, id: Int, bay: BayID? = nil, area: AreaID? = nil, maxKw: Kilowatts) {
        self.charger = charger
        self.id = id
        self.bay = bay
        self.area = area
        self.maxKw = maxKw
    }
}
