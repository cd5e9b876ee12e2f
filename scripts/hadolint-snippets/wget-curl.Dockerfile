FROM debian:12
RUN wget x
RUN curl y
RUN wget z
