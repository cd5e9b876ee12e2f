FROM debian:12
RUN useradd -lu 123456 a
RUN useradd --uid 123456 a
RUN useradd -u ${UID} a
RUN useradd -u 100000 a
