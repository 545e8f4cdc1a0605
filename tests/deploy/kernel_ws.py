"""Run code in a kernel of a single-user server through the hub (kernel REST API + websocket channels)."""

import asyncio
import json
import uuid

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


def _execute_request(code):
    msg_id = uuid.uuid4().hex
    return msg_id, {
        "header": {"msg_id": msg_id, "username": "uji", "session": uuid.uuid4().hex, "msg_type": "execute_request",
                   "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }


async def _run(ws_url, token, code, timeout):
    request = HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}, request_timeout=timeout)
    conn = await websocket_connect(request)
    msg_id, message = _execute_request(code)
    await conn.write_message(json.dumps(message))
    status, idle, outputs = None, False, []
    while status is None or not idle:
        raw = await asyncio.wait_for(conn.read_message(), timeout)
        if raw is None:
            raise AssertionError("kernel websocket closed")
        reply = json.loads(raw)
        if reply.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = reply["header"]["msg_type"]
        if kind in ("stream", "error"):
            outputs.append(reply["content"])
        elif kind == "execute_reply":
            status = reply["content"]["status"]
        elif kind == "status" and reply["content"]["execution_state"] == "idle":
            idle = True
    conn.close()
    return status, outputs


def execute(hub_url, user, token, kernel_id, code, timeout=120):
    """Execute `code`; returns (status, outputs). `hub_url` is http://127.0.0.1:PORT."""
    ws_url = hub_url.replace("http://", "ws://") + f"/user/{user}/api/kernels/{kernel_id}/channels"
    return asyncio.run(_run(ws_url, token, code, timeout))
