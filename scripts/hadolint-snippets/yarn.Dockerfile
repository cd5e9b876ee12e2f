FROM node:20
RUN yarn install
RUN yarn install && yarn cache clean
RUN yarn
RUN yarn add x
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
RUN yarn global add x
RUN cd x && yarn install
