//! Who is on the other end of a request: the connection's peer address, unless that peer is a
//! proxy the operator named in `KINERJA_TRUSTED_PROXIES`; only then do `X-Forwarded-For` and
//! `X-Forwarded-Proto` count. Anyone can send those headers, so trusting them from every client
//! would let one address pose as thousands and walk past the login throttle.

use app::auth::server::ClientAddr;
use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;
use http::HeaderMap;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The addresses (single IPs or CIDR ranges) of the reverse proxies in front of the server.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// No proxy: every request is taken from its connection's peer.
    pub const NONE: Self = Self(Vec::new());

    /// Comma- or space-separated addresses and ranges, e.g. `10.0.0.0/8, 192.168.1.7`.
    pub fn parse(list: &str) -> Result<Self, String> {
        let nets = list
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| item.to_owned())
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self(nets))
    }

    fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client of a request that arrived from `peer`. Behind trusted proxies the client is the
    /// right-most address of `X-Forwarded-For` that is not itself a trusted proxy (each proxy
    /// appends the address it saw, so everything left of that is only the client's claim).
    pub fn resolve(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> ClientAddr {
        let Some(peer) = peer.map(|ip| ip.to_canonical()) else {
            return ClientAddr::default();
        };
        if !self.contains(peer) {
            return ClientAddr {
                ip: Some(peer),
                secure: false,
            };
        }
        // Each trusted hop reports the address it saw; walk leftwards while the hop is trusted.
        let hops: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect();
        let mut ip = peer;
        for hop in hops.iter().rev() {
            if !self.contains(ip) {
                break;
            }
            match hop.trim().parse::<IpAddr>() {
                Ok(seen) => ip = seen.to_canonical(),
                // Garbage from the left of the chain: the last trusted hop is all we know.
                Err(_) => break,
            }
        }
        let secure = headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"));
        ClientAddr {
            ip: Some(ip),
            secure,
        }
    }
}

/// Records the request's [`ClientAddr`] for everything after it (sessions, throttling, audit).
pub async fn client_addr_layer(
    proxies: Arc<TrustedProxies>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let addr = proxies.resolve(peer, req.headers());
    req.extensions_mut().insert(addr);
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn direct_clients_are_their_peer_address_whatever_they_claim() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        let claimed = headers(&[
            ("x-forwarded-for", "1.2.3.4"),
            ("x-forwarded-proto", "https"),
        ]);
        let addr = proxies.resolve(Some(ip("203.0.113.9")), &claimed);
        assert_eq!(addr.ip, Some(ip("203.0.113.9")));
        assert!(!addr.secure);
        let none = TrustedProxies::default().resolve(Some(ip("127.0.0.1")), &claimed);
        assert_eq!(none.ip, Some(ip("127.0.0.1")));
    }

    #[test]
    fn behind_trusted_proxies_the_first_untrusted_hop_from_the_right_counts() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.168.1.7").unwrap();
        let h = headers(&[
            ("x-forwarded-for", "6.6.6.6, 198.51.100.20, 192.168.1.7"),
            ("x-forwarded-proto", "https"),
        ]);
        let addr = proxies.resolve(Some(ip("10.1.2.3")), &h);
        assert_eq!(addr.ip, Some(ip("198.51.100.20")));
        assert!(addr.secure);
        // Several headers are one list, in order.
        let split = headers(&[
            ("x-forwarded-for", "6.6.6.6"),
            ("x-forwarded-for", "198.51.100.21"),
        ]);
        assert_eq!(
            proxies.resolve(Some(ip("10.1.2.3")), &split).ip,
            Some(ip("198.51.100.21"))
        );
        // Only proxies in the chain: the left-most is the best anyone knows.
        let internal = headers(&[("x-forwarded-for", "10.9.9.9")]);
        assert_eq!(
            proxies.resolve(Some(ip("10.1.2.3")), &internal).ip,
            Some(ip("10.9.9.9"))
        );
        // Garbage a client put in front does not hide what the proxy saw.
        let garbage = headers(&[("x-forwarded-for", "unknown, 198.51.100.22")]);
        assert_eq!(
            proxies.resolve(Some(ip("10.1.2.3")), &garbage).ip,
            Some(ip("198.51.100.22"))
        );
        // A proxy that sent nothing: the proxy itself.
        assert_eq!(
            proxies.resolve(Some(ip("10.1.2.3")), &HeaderMap::new()).ip,
            Some(ip("10.1.2.3"))
        );
    }

    #[test]
    fn mapped_ipv4_peers_match_ipv4_ranges() {
        let proxies = TrustedProxies::parse("127.0.0.1").unwrap();
        let h = headers(&[("x-forwarded-for", "198.51.100.20")]);
        let addr = proxies.resolve(Some(ip("::ffff:127.0.0.1")), &h);
        assert_eq!(addr.ip, Some(ip("198.51.100.20")));
    }

    #[test]
    fn the_list_is_checked_when_read() {
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
        assert_eq!(TrustedProxies::parse("10.0.0.0/8 ::1").unwrap().0.len(), 2);
        assert_eq!(
            TrustedProxies::parse("10.0.0.0/8, proxy.local"),
            Err("proxy.local".to_owned())
        );
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
    }
}
