import DepotModel
import Foundation
import Logging
import NIOSSL
import Notifications
import Storage
import TestSupport

/// The depot, secrets and notifier the Notifications tests share.
enum Fixture {
    struct MissingSecret: Error {}

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let hochbahn: TenantID = "hochbahn"
    static let offline = IncidentKey(depot: "nord", kind: "charger_offline", subject: .charger("NORD-A01"))

    static let secrets: SecretLookup = { reference in
        switch reference {
        case .environment("FMS_HOOK_SECRET"): "fms-secret"
        case .environment("ERP_HOOK_SECRET"): "erp-secret"
        case .environment("SMS_TOKEN"): "sms-token"
        case .environment("SMTP_USER"): "busbar"
        case .environment("SMTP_PASSWORD"): "secret"
        default: throw MissingSecret()
        }
    }

    static let logger = Logger(label: "notifications-test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Depot `nord` with two tenants sharing a group name, an SMS gateway and two webhooks on the
    /// receiver (the second selects only `fault`), and optionally an SMTP relay.
    static func depot(receiver: HTTPReceiver, smtp: SMTPSettings? = nil) -> Depot {
        Depot(
            id: "nord", name: "Nord", timeZone: TimeZone(identifier: "Europe/Berlin")!, grid: GridConnection(connectionLimit: Kilowatts(1000)),
            tenants: [
                Tenant(
                    id: hochbahn, name: "Hochbahn", tenantClass: .fleet, priority: 10,
                    recipients: [
                        RecipientGroup(name: "night-shift", emails: ["leitstelle@example.org"], phoneNumbers: ["+4940123456", "+4940654321"]),
                        RecipientGroup(name: "duty-manager", emails: ["chef@example.org"], phoneNumbers: ["+4940999"]),
                    ]),
                Tenant(
                    id: "vhh", name: "VHH", tenantClass: .fleet, priority: 5,
                    recipients: [RecipientGroup(name: "night-shift", emails: ["nacht@vhh.example"], phoneNumbers: ["+4940777"])]),
            ],
            notifications: NotificationSettings(
                email: smtp, sms: SMSGatewaySettings(url: receiver.url("/sms"), token: .environment("SMS_TOKEN")),
                webhooks: [
                    WebhookSettings(url: receiver.url("/hooks/fms"), secret: .environment("FMS_HOOK_SECRET")),
                    WebhookSettings(url: receiver.url("/hooks/erp"), secret: .environment("ERP_HOOK_SECRET"), events: ["fault"]),
                ]))
    }

    /// A notifier with the real channels of `depot`; SMTP trusts only the test certificate.
    static func notifier(
        depot: Depot, store: BusbarStore, clock: ManualClock, retry: RetryPolicy = RetryPolicy(), seed: UInt64 = 42,
        trustedCertificate: String? = nil
    ) -> Notifier {
        var transports = NotificationTransports.live(settings: depot.notifications, secrets: secrets)
        if let smtp = depot.notifications.email, let trustedCertificate {
            transports.email = SMTPMailer(settings: smtp, secrets: secrets, trustRoots: .file(trustedCertificate), timeout: .seconds(20))
        }
        return Notifier(
            depot: depot, store: store, transports: transports, clock: clock, retry: retry, random: SeededGenerator(seed: seed), logger: logger)
    }
}
