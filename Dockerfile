# candor in a container: `docker build -t candor .`, then
#   docker run --rm -v "$PWD:/site" candor check
# Multi-stage: the Rust toolchain only in the builder; the final image holds the binary and the
# C runtime it links (distroless/cc), and runs as a non-root user.

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin candor

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /src/target/release/candor /usr/local/bin/candor
USER nonroot
WORKDIR /site
ENTRYPOINT ["/usr/local/bin/candor"]
CMD ["--help"]
