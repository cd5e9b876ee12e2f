FROM debian:12
ENV A=1 B=$A
ENV C=${C}:x
ENV D=1
ENV E $D
ENV F=1 G=${F:-2}
RUN useradd -u 123456 app
RUN useradd -l -u 123456 app
RUN useradd -u 12345 app
RUN useradd --uid=1234567 app
RUN useradd --no-log-init -u 1234567 app
