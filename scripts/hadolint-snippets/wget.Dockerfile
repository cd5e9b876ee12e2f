FROM debian:12
RUN wget http://x/y && wget -q http://x/z
RUN wget --progress=dot:giga http://x
RUN wget -nv http://x
RUN wget -O /x http://x
RUN wget -qO- http://x
RUN wget --no-verbose http://x
RUN wget -o log http://x
