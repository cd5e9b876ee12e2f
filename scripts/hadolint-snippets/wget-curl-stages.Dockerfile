FROM debian:12 AS a
RUN curl x
FROM debian:12
RUN wget -q y
RUN curl z && wget -q a
