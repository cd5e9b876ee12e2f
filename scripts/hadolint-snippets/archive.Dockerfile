FROM debian:12
COPY x.tar.gz /x.tar.gz
RUN tar -xzf /x.tar.gz
COPY y.zip /y.zip
RUN unzip /y.zip
COPY z.tar /z/
