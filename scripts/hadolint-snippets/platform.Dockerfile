FROM --platform=linux/amd64 debian:12
FROM --platform=$BUILDPLATFORM debian:12
FROM --platform=${TARGETPLATFORM} debian:12
FROM --platform=$FOO debian:12
