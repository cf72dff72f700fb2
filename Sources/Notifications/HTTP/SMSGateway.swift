public import AsyncHTTPClient
public import DepotModel
import Foundation
import NIOCore

/// Sends SMS through the depot's HTTP gateway: `POST <url>` with
/// `{"to": "<phone number>", "text": "…", "reference": "<outbox entry id>"}` and, when the
/// settings name a token, `Authorization: Bearer <token>`.
public struct SMSGateway: NotificationTransport {
    struct Payload: Codable, Hashable {
        let to: String
        let text: String
        let reference: String
    }

    let settings: SMSGatewaySettings
    let secrets: SecretLookup
    let poster: JSONPoster

    /// - Parameter timeout: for the whole request.
    public init(settings: SMSGatewaySettings, secrets: @escaping SecretLookup, httpClient: HTTPClient = .shared, timeout: Duration = .seconds(15)) {
        self.settings = settings
        self.secrets = secrets
        self.poster = JSONPoster(client: httpClient, timeout: .nanoseconds(Int64(timeout.secondsValue * 1e9)))
    }

    public func deliver(_ notification: OutgoingNotification) async throws {
        var headers: [(String, String)] = []
        if let token = settings.token {
            do {
                headers.append(("Authorization", "Bearer \(try secrets(token))"))
            } catch {
                throw DeliveryFailure.transient("SMS gateway token \(token) cannot be read: \(error)")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(Payload(to: notification.recipient, text: notification.text, reference: notification.id))
        try await poster.post(body, to: settings.url, headers: headers)
    }
}
