FROM debian:12
LABEL "bad key"=1
LABEL com.docker.x=1
LABEL io.docker.y=2
LABEL org.dockerproject.z=3
LABEL Upper.Case=1
LABEL a..b=1
LABEL .a=1
LABEL a-=1
LABEL empty=""
LABEL ok-key_1.x=2
LABEL 1abc=1
LABEL version1=1
LABEL a_b=1
LABEL a-.b=1
