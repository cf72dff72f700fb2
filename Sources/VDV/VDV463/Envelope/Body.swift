extension VDV463 {
    /// What a message carries: the message type and action together with the payload that belongs
    /// to them, so that a confirmation can never hold a request's payload.
    public enum Body: Equatable, Sendable {
        /// `[1, …, "BootNotification", {"presystem": …}]`
        case bootNotification(BootNotificationRequest)
        /// `[2, …, "BootNotification", {"status": …}]`
        case bootNotificationConfirmation(BootNotificationResponse)
        /// `[1, …, "ProvideChargingRequests", {"chargingRequestList": […]}]`
        case chargingRequests(ProvideChargingRequestsRequest)
        /// `[2, …, "ProvideChargingRequests", {}]`
        case chargingRequestsConfirmation
        /// `[1, …, "ProvideChargingInformation", {"depotInfoList": […], …}]`
        case chargingInformation(ProvideChargingInformationRequest)
        /// `[2, …, "ProvideChargingInformation", {}]`
        case chargingInformationConfirmation
        /// `[3, …, action, {"errorMessage": …}]`: the answer refusing a request of that action.
        case error(Action, ErrorResponse)

        /// Item 0 of the envelope.
        public var messageType: MessageType {
            switch self {
            case .bootNotification, .chargingRequests, .chargingInformation: .request
            case .bootNotificationConfirmation, .chargingRequestsConfirmation, .chargingInformationConfirmation: .confirmation
            case .error: .error
            }
        }

        /// Item 5 of the envelope.
        public var action: Action {
            switch self {
            case .bootNotification, .bootNotificationConfirmation: .bootNotification
            case .chargingRequests, .chargingRequestsConfirmation: .provideChargingRequests
            case .chargingInformation, .chargingInformationConfirmation: .provideChargingInformation
            case .error(let action, _): action
            }
        }
    }
}
